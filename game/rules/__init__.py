"""The scenario language: value types, nodes, the registry, the compiler and its words."""
