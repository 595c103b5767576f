/** A contact as people read its name. */
export function fullName(contact: { firstName: string; lastName: string }) {
  return `${contact.firstName} ${contact.lastName}`;
}
