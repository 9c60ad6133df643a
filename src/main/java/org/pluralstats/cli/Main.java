package org.pluralstats.cli;

/** Placeholder entry point while the skeleton is laid; replaced by the picocli command tree. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("pluralstats");
    }
}
