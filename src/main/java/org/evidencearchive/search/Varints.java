package org.evidencearchive.search;

import java.util.Arrays;

/**
 * Writes a JSON string of varints straight into bytes: 5 bits per character, least significant group first,
 * in a 64-character alphabet that is JSON- and URL-safe (characters 0-31 end a number, 32-63 continue it).
 */
final class Varints {

    /** The 64 characters of the encoding: 0-31 end a number, 32-63 continue it. */
    static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final byte[] ASCII = DIGITS.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;

    /** Starts an empty string with room for about {@code capacity} characters. */
    Varints(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Appends a double quote (the string's start or end). */
    Varints quote() {
        room(1);
        buf[size++] = '"';
        return this;
    }

    /** Appends a non-negative number as a varint. */
    Varints add(long v) {
        room(13); // 64 bits need at most 13 characters of 5 bits
        while (v >= 32) {
            buf[size++] = ASCII[32 + (int) (v & 31)];
            v >>>= 5;
        }
        buf[size++] = ASCII[(int) v];
        return this;
    }

    /** Returns the bytes written so far. */
    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    private void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
