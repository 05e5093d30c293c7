// Pictures module
