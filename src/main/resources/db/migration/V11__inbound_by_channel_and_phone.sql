-- The Twilio channel asks, before each WhatsApp reply, when the resident last wrote on WhatsApp (Meta's 24-hour
-- customer-service window), and threading asks for a number's recent messages on a channel: both look up
-- inbound messages by channel and sender phone, newest first.
create index ix_inbound_channel_phone on inbound_message (channel, sender_phone, received_at);
