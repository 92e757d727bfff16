-- Each stored message used to add an entry to every index on inbound_message, and again when processing
-- set its case and status: nine index entries per SMS, four of them for columns an SMS never has (an email
-- address, a Message-ID, a social handle) or does not have yet (its case). On PostgreSQL these indexes now
-- hold only the rows that have the value, so a webhook's insert and its processing update skip them. Every
-- lookup that uses them compares the column with '=', which PostgreSQL knows implies "is not null", so the
-- same queries use the smaller indexes. (H2 has no partial indexes and keeps the full ones.)
drop index ix_inbound_channel_sender_email;
create index ix_inbound_channel_sender_email on inbound_message (channel, sender_email, received_at)
    where sender_email is not null;
drop index ix_inbound_channel_handle;
create index ix_inbound_channel_handle on inbound_message (channel, sender_handle, received_at)
    where sender_handle is not null;
drop index ix_inbound_channel_phone;
create index ix_inbound_channel_phone on inbound_message (channel, sender_phone, received_at)
    where sender_phone is not null;
drop index ix_inbound_message_id;
create index ix_inbound_message_id on inbound_message (message_id) where message_id is not null;
drop index ix_inbound_case;
create index ix_inbound_case on inbound_message (case_id) where case_id is not null;
