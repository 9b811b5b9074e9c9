package ssi.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import ssi.kernel.Image;

/**
 * An image as it crosses the wire: its directory as a zip of sorted entries with no times in them,
 * named by the SHA-256 of those bytes, so the same image has the same hash on every machine. A
 * member unpacks it once into its cache, and makes a copy with the manifest changed for each
 * parameter setting.
 */
public record ImageArchive(String hash, byte[] bytes) {
    private static final TomlMapper TOML = new TomlMapper();

    /** Packs an image's directory. */
    public static ImageArchive of(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
                entry.setTime(0); // no host's clock in the bytes
                zip.putNextEntry(entry);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        byte[] bytes = buffer.toByteArray();
        return new ImageArchive(sha256(bytes), bytes);
    }

    /** The directory of image {@code hash} in {@code cache}, if this member has it. */
    static Path cached(Path cache, String hash) {
        return cache.resolve(hash);
    }

    /** Unpacks image bytes into {@code cache/HASH} (checking the hash); another thread or member doing the same at once is harmless. */
    static Path unpack(Path cache, String hash, byte[] bytes) throws IOException {
        if (!sha256(bytes).equals(hash)) {
            throw new IOException("the image's bytes do not match its hash " + hash);
        }
        Path dir = cached(cache, hash);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(cache);
        Path tmp = Files.createTempDirectory(cache, "unpack-");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = tmp.resolve(e.getName()).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("the image's archive names a file outside it: " + e.getName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
        publish(tmp, dir);
        return dir;
    }

    /**
     * The image at {@code dir} with the manifest's keys set to {@code params} (dotted keys, values
     * typed as the manifest's own: a number stays a number), as a directory beside it; {@code dir}
     * itself when there are none.
     */
    static Path variant(Path dir, Map<String, String> params) throws IOException, SweepException {
        if (params.isEmpty()) {
            return dir;
        }
        ObjectNode manifest = (ObjectNode) TOML.readTree(dir.resolve(Image.MANIFEST).toFile());
        StringBuilder name = new StringBuilder();
        for (var p : params.entrySet()) {
            set(manifest, p.getKey(), p.getValue());
            name.append(p.getKey()).append('=').append(p.getValue()).append('\n');
        }
        Path variant = dir.resolveSibling(dir.getFileName() + "-" + sha256(name.toString().getBytes()).substring(0, 16));
        if (Files.isDirectory(variant)) {
            return variant;
        }
        Path tmp = Files.createTempDirectory(dir.getParent(), "variant-");
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.toList()) {
                Path target = tmp.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.writeString(tmp.resolve(Image.MANIFEST), TOML.writeValueAsString(manifest));
        publish(tmp, variant);
        return variant;
    }

    private static void set(ObjectNode manifest, String key, String value) throws SweepException {
        String[] parts = key.split("\\.");
        ObjectNode table = manifest;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = table.get(parts[i]);
            if (next == null) {
                next = table.putObject(parts[i]);
            } else if (!next.isObject()) {
                throw new SweepException("--param " + key + ": '" + parts[i] + "' is no table of the image's manifest");
            }
            table = (ObjectNode) next;
        }
        String last = parts[parts.length - 1];
        JsonNode old = table.get(last);
        if (old != null && (old.isObject() || old.isArray())) {
            throw new SweepException("--param " + key + ": a table or list of the manifest, not a value");
        }
        try {
            if (old == null ? value.matches("-?[0-9][0-9_]*") : old.isIntegralNumber()) {
                table.put(last, Long.parseLong(value.replace("_", "")));
            } else if (old == null ? value.matches("-?[0-9.eE+-]+") : old.isNumber()) {
                table.put(last, new BigDecimal(value).doubleValue());
            } else if (old != null && old.isBoolean() || old == null && value.matches("true|false")) {
                if (!value.matches("true|false")) {
                    throw new NumberFormatException();
                }
                table.put(last, Boolean.parseBoolean(value));
            } else {
                table.put(last, value);
            }
        } catch (NumberFormatException e) {
            throw new SweepException("--param " + key + ": '" + value + "' is not a " + (old != null && old.isBoolean() ? "true or false" : "number")
                    + " (the manifest's " + key + " is one)");
        }
    }

    /** Moves a finished directory into place; if another got there first, its copy is kept (the same bytes). */
    private static void publish(Path tmp, Path dir) throws IOException {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(tmp);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
