-- Lookups made for every message: is the sender a tenant we asked about a representative?
create index ix_outbound_recipient_kind on outbound_message (recipient, kind);
