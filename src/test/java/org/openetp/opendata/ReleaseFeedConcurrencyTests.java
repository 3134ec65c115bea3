package org.openetp.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feed's promise (issue 21): a crawler following the cursor reads every release exactly once, even when writers
 * commit out of the order in which their releases were numbered. Writers here hold their transactions open for
 * different times, so later-numbered releases commit first; a reader pages all along. A reader paging by sequence
 * number alone (what a naive feed would do) is shown to miss a release that commits late.
 */
@IntegrationTest
class ReleaseFeedConcurrencyTests {

    private static final Pattern RELEASE_ID = Pattern.compile("\"id\":\"(ocds-oetp00-conc-[^\"]+)\"");

    @Autowired
    ReleaseStore store;

    @Autowired
    OpenDataFeed feed;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReaderPagingWhileWritersCommitOutOfOrderReadsEveryReleaseExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int writers = 8;
        int perWriter = 40;
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        // Where the feed stood before this run: the reader starts there, like a crawler that is up to date.
        String from = upToDate();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(writer);
                for (int i = 0; i < perWriter; i++) {
                    String id = "ocds-oetp00-conc-" + run + "-" + writer + "-" + i;
                    // A release numbered now, committed after a random pause: others overtake it.
                    int pause = random.nextInt(8);
                    transactions.executeWithoutResult(status -> {
                        store.insert("ocds-oetp00-conc-" + run, id, "tender", Instant.now(),
                                release("ocds-oetp00-conc-" + run, id));
                        pauseMillis(pause);
                    });
                    written.add(id);
                }
                done.countDown();
                return null;
            }));
        }
        Future<?> reader = pool.submit(() -> {
            String cursor = from;
            boolean writing = true;
            while (writing || read.size() < written.size()) {
                writing = done.getCount() > 0;
                OpenDataFeed.FeedPage page = feed.releases(cursor, 7);
                Matcher m = RELEASE_ID.matcher(page.json());
                while (m.find()) {
                    if (m.group(1).startsWith("ocds-oetp00-conc-" + run + "-")) {
                        read.add(m.group(1));
                    }
                }
                cursor = cursorOf(page.next());
                Thread.onSpinWait();
            }
            return null;
        });
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        reader.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(written).hasSize(writers * perWriter);
        assertThat(read).as("every release read once").hasSize(written.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(read)).isEqualTo(written);
    }

    @Test
    void aReleaseCommittedAfterALaterNumberedOneIsServedAfterItWhereASequenceReaderSkipsIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String cursor = upToDate();
        long lastSequence = jdbc.sql("SELECT coalesce(max(seq), 0) FROM opendata_release").query(Long.class).single();
        CountDownLatch slowWrote = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // The slow writer takes the lower number and keeps its transaction open...
        Future<?> slow = pool.submit(() -> transactions.executeWithoutResult(status -> {
            store.insert("ocds-oetp00-conc-" + run, "ocds-oetp00-conc-" + run + "-slow", "tender", Instant.now(),
                    release("ocds-oetp00-conc-" + run, "ocds-oetp00-conc-" + run + "-slow"));
            slowWrote.countDown();
            await(mayCommit);
        }));
        await(slowWrote);
        // ...while a fast one takes the next number and commits.
        transactions.executeWithoutResult(status -> store.insert("ocds-oetp00-conc-" + run, "ocds-oetp00-conc-" + run + "-fast",
                "tender", Instant.now(), release("ocds-oetp00-conc-" + run, "ocds-oetp00-conc-" + run + "-fast")));
        List<String> naive = jdbc.sql("SELECT release_id FROM opendata_release WHERE seq > :after ORDER BY seq")
                .param("after", lastSequence).query(String.class).list();
        assertThat(naive).as("a sequence reader sees the fast one").contains("ocds-oetp00-conc-" + run + "-fast")
                .doesNotContain("ocds-oetp00-conc-" + run + "-slow");
        long naiveNext = jdbc.sql("SELECT max(seq) FROM opendata_release WHERE seq > :after")
                .param("after", lastSequence).query(Long.class).single();
        assertThat(idsIn(feed.releases(cursor, 100).json(), run)).as("the feed waits for the open transaction")
                .isEmpty();

        mayCommit.countDown();
        slow.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(jdbc.sql("SELECT release_id FROM opendata_release WHERE seq > :after AND release_id LIKE :r")
                .param("after", naiveNext).param("r", "ocds-oetp00-conc-" + run + "%").query(String.class).list())
                .as("after its position, the sequence reader never sees the slow one").isEmpty();
        // Once every transaction older than the fast one has ended (other tests' listeners may still be running),
        // the feed serves both, the slow one first.
        List<String> served = new ArrayList<>();
        String[] position = {cursor};
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            OpenDataFeed.FeedPage page = feed.releases(position[0], 100);
            served.addAll(idsIn(page.json(), run));
            position[0] = cursorOf(page.next());
            return served.size() >= 2;
        });
        assertThat(served).containsExactly("ocds-oetp00-conc-" + run + "-slow", "ocds-oetp00-conc-" + run + "-fast");
    }

    private String upToDate() {
        String cursor = "";
        OpenDataFeed.FeedPage page;
        do {
            page = feed.releases(cursor, OpenDataFeed.MAX_LIMIT);
            cursor = cursorOf(page.next());
        } while (page.releases() > 0);
        return cursor;
    }

    private static List<String> idsIn(String json, String run) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"(ocds-oetp00-conc-" + run + "-[a-z]+)\"").matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameCursorGivesTheSamePageAndReleasesCannotBeChanged() {
        String id = "ocds-oetp00-conc-same-" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> store.insert("ocds-oetp00-conc-same", id, "tender", Instant.now(),
                release("ocds-oetp00-conc-same", id)));
        String first = feed.releases(null, 5).json();
        assertThat(feed.releases(null, 5).json()).isEqualTo(first);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "UPDATE opendata_release SET release = '{}' WHERE ocid = 'ocds-oetp00-conc-same'").update()))
                .hasMessageContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "DELETE FROM opendata_release WHERE ocid = 'ocds-oetp00-conc-same'").update()))
                .hasMessageContaining("append-only");
    }

    /** A minimal valid release (other tests crawl the whole feed and check every package). */
    private static String release(String ocid, String id) {
        return "{\"ocid\":\"" + ocid + "\",\"id\":\"" + id + "\",\"date\":\"" + Instant.now()
                + "\",\"tag\":[\"tender\"],\"initiationType\":\"tender\"}";
    }

    private static String cursorOf(String next) {
        int at = next.indexOf("cursor=");
        if (at < 0) {
            return "";
        }
        int end = next.indexOf('&', at);
        return next.substring(at + "cursor=".length(), end < 0 ? next.length() : end);
    }

    private static void pauseMillis(int millis) {
        // Holding the transaction open is the point here (a slow writer), not waiting for time to pass in the app.
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
