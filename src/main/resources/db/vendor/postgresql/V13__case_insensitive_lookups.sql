-- Addresses are compared without regard to case (lower(x) = lower(?)); on PostgreSQL such a comparison
-- only uses an index built on the same expression. Without these, every message from an email address
-- read the whole case file.
create index ix_case_contact_email_lower on case_file (lower(contact_email));
create index ix_consent_rep_email_lower on consent (lower(representative_email));
create index ix_outbound_recipient_lower on outbound_message (lower(recipient));
