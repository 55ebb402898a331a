package org.salesinsights.changes.control;

import java.util.List;

/**
 * The changes of one or more committed transactions, as an event for the read caches: fired on the node that made
 * them when their transaction commits, and on every node when its poll of the change log finds them.
 *
 * @param generation the change log's generation they bring this node to (0 when not known: a local commit)
 */
public record Changes(long generation, List<Change> changes) {

    public Changes {
        changes = List.copyOf(changes);
    }

    public boolean touchesAll() {
        return changes.stream().anyMatch(c -> c.scope() == Change.Scope.ALL);
    }

    public boolean touchesTenants() {
        return changes.stream().anyMatch(c -> c.scope() != Change.Scope.RECORD);
    }
}
