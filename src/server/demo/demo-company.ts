/** The demo company's fixed id, so its URLs stay the same across fresh installs. */
export const DEMO_COMPANY_ID = "5d1e7c4a-6b0f-4c1e-9a57-2f3b8e9d0a11";
