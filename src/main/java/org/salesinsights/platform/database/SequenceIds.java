package org.salesinsights.platform.database;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.SequenceGenerator;

/**
 * Hands out an entity's ids for rows written with JDBC beside EclipseLink, a block at a time from the entity's
 * sequence, as EclipseLink takes them: the sequence's next value is a block's last id, the block as long as the
 * generator's allocation size. Taking blocks the same way, the ids handed out here and those EclipseLink hands out
 * never meet, whichever of them takes the next block. On the connection of the caller's transaction; one per use.
 */
public final class SequenceIds {

    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    private final Connection db;
    private final String sequence;
    private final int block;
    private long next;
    private long last = -1;

    /** Ids of the entity, from the sequence its id field's {@link SequenceGenerator} names. */
    public SequenceIds(Connection db, Class<?> entity) {
        this.db = Objects.requireNonNull(db);
        SequenceGenerator generator = generatorOf(entity);
        if (!NAME.matcher(generator.sequenceName()).matches()) {
            throw new IllegalArgumentException("an unexpected sequence name: " + generator.sequenceName());
        }
        this.sequence = generator.sequenceName();
        this.block = generator.allocationSize();
    }

    private static SequenceGenerator generatorOf(Class<?> entity) {
        for (Field field : entity.getDeclaredFields()) {
            SequenceGenerator generator = field.getAnnotation(SequenceGenerator.class);
            if (generator != null) {
                return generator;
            }
        }
        throw new IllegalArgumentException(entity.getName() + " has no sequence generator");
    }

    public long next() throws SQLException {
        if (next > last) {
            String sql = Databases.isPostgreSQL(db)
                    ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
            try (PreparedStatement statement = db.prepareStatement(sql); ResultSet value = statement.executeQuery()) {
                value.next();
                last = value.getLong(1);
            }
            next = last - block + 1;
        }
        return next++;
    }
}
