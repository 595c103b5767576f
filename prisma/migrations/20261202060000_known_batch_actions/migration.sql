-- The duplicates, companies and users migrations each re-made ChangeBatch's list of known
-- actions with their own additions, written side by side: the last one applied dropped the
-- others'. This is the union of all three, the vocabulary of src/shared/history-events.ts.
ALTER TABLE "ChangeBatch" DROP CONSTRAINT "ChangeBatch_action_known";
ALTER TABLE "ChangeBatch" ADD CONSTRAINT "ChangeBatch_action_known" CHECK ("action" IN (
    'contact.create', 'contact.update', 'contacts.inactivate', 'contacts.reactivate',
    'project.add_contacts', 'project.remove_contacts', 'contacts.import', 'contacts.merge', 'batch.undo',
    'vendor.create', 'vendor.update', 'vendors.inactivate', 'vendors.reactivate', 'vendors.merge',
    'user.invite', 'user.add', 'user.accept_invitation', 'user.revoke_invitation', 'user.change_level',
    'users.inactivate', 'users.reactivate'));
