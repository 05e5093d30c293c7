def main():
    return "tool.main ran"


if __name__ == "__main__":
    print("tool run as a script (must not happen on import)")
