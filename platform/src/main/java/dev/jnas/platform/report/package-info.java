/**
 * Reports of searches as files: {@link dev.jnas.platform.report.LinePlot} writes anytime curves
 * (search cost against the best accuracy found so far, with ±std bands over runs) as PNG charts,
 * using only the JDK's headless AWT.
 */
package dev.jnas.platform.report;
