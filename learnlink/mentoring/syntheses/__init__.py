"""Thread syntheses: a mentor pulls one discussion or several together (what has been learned,
where we stand, the next questions), from a draft the drafter writes, edits it, translates it
and publishes it; readers meet it at the top of the thread and first in their digest, and the
mentor may send it to the group as a message of the discussion.

`drafting` reads the archive for the drafter, `content` is the three parts as edited,
`services` changes a synthesis, `versions` chooses the one each reader gets, `presenting` and
`showing` put it on the thread page and in digests, `sending` posts it to the group, `views`,
`forms` and `api` are the mentor's web and JSON ends, `concern` the dashboard's row.
"""
