"""Together in the encrypted database: the shared-items query, responses, couple-prompt
answers, one-journal writers, what a person shares, and opening a partner's journal.
"""
