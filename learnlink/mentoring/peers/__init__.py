"""The peer finder: "who has done X?" over everything the network knows, organisations and
people ranked by the evidence of what they wrote and what the directory says of them, on the
web (/mentoring/peers/), by the API (GET /api/peers) and by mail (peers@). `finder` answers,
`question` reads the question in three languages, `sources` is the registry of evidence that
other tools add to, `voting` ranks."""


def connect() -> None:
    """From MentoringConfig.ready(): the messages, the directory, published write-ups and
    syntheses as sources of evidence, peers@ in the mail routing, the answer it sends in the
    catalogue of mail."""
    from learnlink.lib.emails import register as register_kinds
    from learnlink.mail.routing import register as register_route
    from learnlink.mentoring.peers.directory import directory_evidence, directory_profile
    from learnlink.mentoring.peers.documents import synthesis_evidence, writeup_evidence
    from learnlink.mentoring.peers.mail_kinds import KINDS
    from learnlink.mentoring.peers.mail_routes import PEERS
    from learnlink.mentoring.peers.messages import message_evidence, message_profile
    from learnlink.mentoring.peers.sources import Source, register

    register(Source("messages", message_evidence, profile=message_profile))
    register(Source("directory", directory_evidence, profile=directory_profile))
    register(Source("writeups", writeup_evidence))
    register(Source("syntheses", synthesis_evidence))
    register_route(PEERS)
    register_kinds(*KINDS)
