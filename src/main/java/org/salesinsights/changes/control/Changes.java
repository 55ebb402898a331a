package org.salesinsights.changes.control;

import java.util.List;

/**
 * The changes of one or more committed transactions, as an event for the read caches: fired on the node that made
 * them when their transaction commits, and on every node when its poll of the change log finds them (but the node
 * that made them: it applied them already).
 *
 * @param generation the change log's generation of a local commit, or the one a poll brings this node to
 * @param local whether this node made them (fired at its commit) rather than found them by its poll
 */
public record Changes(long generation, List<Change> changes, boolean local) {

    public Changes {
        changes = List.copyOf(changes);
    }

    /** Changes a poll found. */
    public Changes(long generation, List<Change> changes) {
        this(generation, changes, false);
    }

    public boolean touchesAll() {
        return changes.stream().anyMatch(c -> c.scope() == Change.Scope.ALL);
    }

    public boolean touchesTenants() {
        return changes.stream().anyMatch(c -> c.scope() != Change.Scope.RECORD);
    }
}
