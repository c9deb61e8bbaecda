"""The contract monitor: for each organisation of a group and each month, what it shared with
its peers (messages, plans, achievements, questions, answers and how fast) and whether it keeps
the group's learning contract (kept, slipping, broken); a page per organisation (its learning
journal), a view across the network's groups, and a spreadsheet of it all."""
