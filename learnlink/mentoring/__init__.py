"""Mentoring: the tools of those who keep a group's exchange going. One dashboard of what needs
a mentor now, thread syntheses, thread clean-up, write-up coaching, the peer finder,
introductions and outside expertise. Each tool is a package of its own; this app may use
`exchange` and below, and shows its blocks on exchange's pages through exchange's registries."""
