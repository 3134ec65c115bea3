package org.openetp.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A data source that counts the statements run through it and the time spent in them, by SQL text (the page query
 * diagnostic of issue 16): a page's N+1 shows as one text run many times for one page view.
 */
final class CountingDataSource {

    /** Executions and nanoseconds of one SQL text. */
    record Use(LongAdder runs, LongAdder nanos) {
        Use() {
            this(new LongAdder(), new LongAdder());
        }
    }

    final Map<String, Use> bySql = new ConcurrentHashMap<>();

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, null);
    }

    void reset() {
        bySql.clear();
    }

    /** A proxy of {@code target}; {@code sql} is a prepared statement's text, null for anything else. */
    private <T> T proxy(Class<T> type, Object target, String sql) {
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    String name = method.getName();
                    boolean execute = target instanceof Statement && name.startsWith("execute");
                    long start = System.nanoTime();
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (execute) {
                            String text = sql != null ? sql
                                    : args != null && args.length > 0 && args[0] instanceof String s ? s : name;
                            Use use = bySql.computeIfAbsent(text, k -> new Use());
                            use.runs().increment();
                            use.nanos().add(System.nanoTime() - start);
                        }
                    }
                    if (result instanceof Connection c && type == DataSource.class) {
                        return proxy(Connection.class, c, null);
                    }
                    if (result instanceof CallableStatement s && name.equals("prepareCall")) {
                        return proxy(CallableStatement.class, s, (String) args[0]);
                    }
                    if (result instanceof PreparedStatement s && name.equals("prepareStatement")) {
                        return proxy(PreparedStatement.class, s, (String) args[0]);
                    }
                    if (result instanceof Statement s && name.equals("createStatement")) {
                        return proxy(Statement.class, s, null);
                    }
                    return result;
                }));
    }
}
