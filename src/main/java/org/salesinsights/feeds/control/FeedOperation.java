package org.salesinsights.feeds.control;

import java.util.Objects;

/** One thing a feeder asks of one insight, alone or as an item of a batch: create or replace it, or delete it. */
public sealed interface FeedOperation {

    /** The insight it is about. */
    FeedName name();

    /** Create the insight or replace what the feed owns of it. */
    record Put(FeedItem item) implements FeedOperation {

        public Put {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public FeedName name() {
            return item.name();
        }
    }

    /** Delete the insight; one already gone is no failure. */
    record Delete(FeedName name) implements FeedOperation {

        public Delete {
            Objects.requireNonNull(name, "name");
        }
    }
}
