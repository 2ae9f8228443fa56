package dev.ragfn.store.mvstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragfn.core.error.StoreUnavailableException;
import dev.ragfn.core.json.Json;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;

/** What every embedded store does alike: open its file, and keep records as JSON. */
final class MvStoreFiles {

    private MvStoreFiles() {
    }

    /** Opens {@code directory/file}, creating the directory; {@code what} names the store in errors. */
    static MVStore open(Path directory, String file, String what) {
        try {
            Files.createDirectories(directory);
            return new MVStore.Builder().fileName(directory.resolve(file).toString()).open();
        } catch (Exception e) {
            throw new StoreUnavailableException("Failed to open the embedded " + what + " in " + directory + ": "
                    + e.getMessage() + "; check that the directory is writable and not used by another process", e);
        }
    }

    static MVStore inMemory() {
        return new MVStore.Builder().open();
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String value, Class<T> type) {
        try {
            return Json.mapper().readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new StoreUnavailableException("the embedded store holds an unreadable " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
