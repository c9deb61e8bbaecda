"""Transport only: the durable inbox, the LMTP/SMTP server, parsing, IMAP and mbox."""
