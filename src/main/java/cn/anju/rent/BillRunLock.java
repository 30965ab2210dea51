package cn.anju.rent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Who is running a bill run: a PostgreSQL session advisory lock on the run's id, held on a connection of its own for
 * as long as the run goes on. A process that dies (even by {@code kill -9}) drops its connection and so the lock, so
 * an unfinished run whose lock can be taken is one that nobody is running any more, on any node.
 */
final class BillRunLock implements AutoCloseable {

    private final Connection connection;

    private BillRunLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock of the run, or null when another session holds it. */
    static BillRunLock tryTake(DataSource dataSource, long runId) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(hashtextextended('bill-run:' || ?, 0))")) {
                s.setLong(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return new BillRunLock(c);
                    }
                }
            }
            c.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("bill run lock", e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock_all()")) {
            s.execute();
        } catch (SQLException ignored) {
            // the connection is going back to the pool or away; either way the session's locks go with it below
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to do: the lock ends with the session
            }
        }
    }
}
