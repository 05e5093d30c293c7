// Syntax module
