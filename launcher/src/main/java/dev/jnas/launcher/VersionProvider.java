package dev.jnas.launcher;

import picocli.CommandLine.IVersionProvider;

/** The version of jnas, from the launcher jar's manifest (or "dev" when run from classes). */
final class VersionProvider implements IVersionProvider {

    static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"jnas " + version(), "Java " + System.getProperty("java.version")};
    }
}
