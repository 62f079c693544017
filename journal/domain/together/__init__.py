"""Together's rules: interleaving two journals' shared items, revealing couple-prompt
answers only when both answered, and the "yes" overlap of closeness ideas.
"""
