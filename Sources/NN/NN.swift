import Torch

/// Placeholder until the layer library lands.
open class Module {
    public init() {}
}
