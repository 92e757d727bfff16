-- Messenger and Instagram look up a resident's latest message by their page-scoped id: to check Meta's 24-hour
-- messaging window before each reply, and to continue an open case within the conversation window.
create index ix_inbound_channel_handle on inbound_message (channel, sender_handle, received_at);
