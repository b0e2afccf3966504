package dev.aicostadvisor.rules;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules folder and its sub-folders for changes and calls back once the folder has been quiet for
 * a while, so that a burst of writes (an editor saving, a {@code git checkout}) leads to one call.
 *
 * <p>The callback runs on the watcher's own daemon thread, one call at a time. Files and folders whose
 * names start with a dot, such as editor swap files, are ignored, as {@link RuleSource} ignores them. When
 * the folder itself is deleted, the watcher checks every quiet period whether it is back, and then calls
 * back. A folder renamed away and replaced by another is noticed about two seconds later.
 *
 * <p>NOTE: the watcher relies on the JDK's {@link WatchService}. Where the platform has no native file
 * events (macOS with JDK 17, for example), the JDK polls the folder, and a change may be seen seconds later.
 */
public final class RuleFolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** How often the watcher checks, between events, that the rules path still names the folder it watches. */
    private static final long ROOT_CHECK_MILLIS = 2000;

    private final Path root;
    private final long quietMillis;
    private final Runnable onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile Object rootKey;
    private volatile boolean closed;

    private RuleFolderWatcher(Path root, Duration quietPeriod, Runnable onChange) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.quietMillis = Math.max(1, quietPeriod.toMillis());
        this.onChange = onChange;
        this.service = this.root.getFileSystem().newWatchService();
        registerTree(this.root);
        this.thread = new Thread(this::watch, "advisor-rules-watcher[" + this.root + "]");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching a folder.
     *
     * @param folder      the rules folder
     * @param quietPeriod how long the folder must be free of changes before the callback runs
     * @param onChange    what to run after a change; an exception it throws is logged, and watching goes on
     * @throws UncheckedIOException when the folder cannot be watched
     */
    public static RuleFolderWatcher start(Path folder, Duration quietPeriod, Runnable onChange) {
        try {
            RuleFolderWatcher watcher = new RuleFolderWatcher(folder, quietPeriod, onChange);
            watcher.thread.start();
            LOG.info("Watching {} for rule changes", watcher.root);
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the rules folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Stops watching and waits for a callback that is running to finish. */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            LOG.warn("Could not close the watch service of {}: {}", root, e.getMessage());
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("The watcher of {} is still running a reload after {} s; it stops when the reload ends",
                        root, CLOSE_TIMEOUT.toSeconds());
            }
        }
        LOG.info("Stopped watching {}", root);
    }

    private void watch() {
        try {
            while (!closed) {
                boolean changed;
                if (folders.isEmpty()) {
                    changed = watchAgainIfBack();
                } else {
                    WatchKey key = service.poll(ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                    if (key == null) {
                        changed = rootReplaced();
                    } else {
                        changed = handle(key);
                        // Drain the burst: wait until no event arrives for a whole quiet period.
                        WatchKey next;
                        while ((next = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                            changed |= handle(next);
                        }
                    }
                }
                if (changed && !closed) {
                    runCallback();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // close() was called.
        }
    }

    /** Checks whether a deleted rules folder is back, and watches it again if so. */
    private boolean watchAgainIfBack() throws InterruptedException {
        Thread.sleep(quietMillis);
        if (!Files.isDirectory(root)) {
            return false;
        }
        try {
            registerTree(root);
            LOG.info("The rules folder {} is back; watching it again", root);
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot watch {} again yet: {}", root, e.getMessage());
            return false;
        }
    }

    /**
     * Tells whether the folder at the rules path is another one than the folder watched, as after a rename
     * or a delete, and watches the one there now if so. The events of a folder renamed away keep coming
     * under the old path, so only this check notices such a swap.
     */
    private boolean rootReplaced() {
        if (Files.isDirectory(root) && Objects.equals(fileKeyOf(root), rootKey)) {
            return false;
        }
        LOG.warn("The rules folder {} was moved, deleted or replaced; the advisor keeps its rules and watches the folder at that path", root);
        stopWatchingAll();
        if (Files.isDirectory(root)) {
            try {
                registerTree(root);
            } catch (IOException e) {
                LOG.warn("Cannot watch {} again yet: {}", root, e.getMessage());
            }
        }
        return true;
    }

    /** Reads one key's events, watches new sub-folders, and tells whether any event concerns the rules. */
    private boolean handle(WatchKey key) {
        Path folder = folders.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || folder == null) {
                relevant = true;
                continue;
            }
            Path name = (Path) event.context();
            if (name.getFileName().toString().startsWith(".")) {
                continue;
            }
            relevant = true;
            Path child = folder.resolve(name);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerTree(child);
                } catch (IOException e) {
                    LOG.warn("Cannot watch the new folder {}: {}", child, e.getMessage());
                }
            }
        }
        if (!key.reset()) {
            folders.remove(key);
            if (folder != null && folder.equals(root)) {
                LOG.warn("The rules folder {} was deleted; the advisor keeps its rules and watches for the folder to come back", root);
                stopWatchingAll();
            }
        }
        return relevant;
    }

    private void stopWatchingAll() {
        folders.keySet().forEach(WatchKey::cancel);
        folders.clear();
        rootKey = null;
    }

    private void registerTree(Path folder) throws IOException {
        if (folder.equals(root)) {
            rootKey = fileKeyOf(root);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (!isHidden(root.relativize(path))) {
                    folders.put(path.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), path);
                }
            }
        }
    }

    /** Returns the file system's identity of a folder (device and inode on Linux), or {@code null} when it has none. */
    private static Object fileKeyOf(Path folder) {
        try {
            return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void runCallback() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.error("Handling a change in {} failed; still watching", root, e);
        }
    }
}
