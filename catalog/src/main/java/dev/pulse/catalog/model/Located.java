package dev.pulse.catalog.model;

import dev.pulse.catalog.source.Location;
import dev.pulse.catalog.source.Node;

/** A value read from the catalog with where it was written and its path in the document. */
public record Located<T>(T value, Node node, String path)
{
    public Location location()
    {
        return node.location();
    }
}
