"""The body log's rules and data: logs, pad changes, temperature, recovery timeline, warning
signs, the doctor summary.
"""
