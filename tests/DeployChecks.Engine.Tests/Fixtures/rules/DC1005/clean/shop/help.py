HELP = """
Do not write SECRET_KEY = "abc123def456" in settings; set the SECRET_KEY variable instead.
"""


def describe():
    return "PASSWORD = 'hunter2hunter2' is an example of what not to do"
