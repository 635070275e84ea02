-- A password someone else chose (an admin creating or resetting an account, or the one printed at first start) is
-- known to more than its owner: until the owner replaces it, the account may only change its password (StaffAuth).
ALTER TABLE accounts ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;

-- Accounts already in use whose current password an admin set (created or reset) and the owner has not changed
-- since, as the audit log tells: they are asked at their next sign-in, like new accounts. The first admin has no
-- such row (its creation was not audited), so it is left as it is. Reading the audit log needs no owner's rights.
UPDATE accounts a SET password_change_required = true
WHERE EXISTS (
  SELECT 1 FROM audit_log set_by_admin
  WHERE set_by_admin.object_type = 'account' AND set_by_admin.object_id = a.id::text
    AND set_by_admin.action IN ('account.created', 'account.password_reset')
    AND NOT EXISTS (
      SELECT 1 FROM audit_log changed
      WHERE changed.action = 'account.password_changed' AND changed.actor_id = a.id
        AND changed.id > set_by_admin.id));
