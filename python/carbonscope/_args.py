"""Python values to the texts the C++ parsers read: numbers get their documented unit
(seconds, watts, kWh, GB, g/kWh), strings pass through unchanged ("100ms", "400W")."""


def number(value):
    """A plain decimal for the C++ parsers (no exponent: "0.00001", not "1e-05")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = repr(float(value))
    if "e" in text:
        text = format(float(value), ".20f").rstrip("0").rstrip(".")
    return text


def text(value, unit=""):
    """None -> "" (not given); str -> itself; a number -> "<number><unit>"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return number(value) + unit
