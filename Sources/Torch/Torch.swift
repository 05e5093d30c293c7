// Torch module
