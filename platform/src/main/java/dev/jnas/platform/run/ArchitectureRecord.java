package dev.jnas.platform.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code architecture.json}: the architecture a search derived, in any space, as its canonical text
 * ({@code |nor_conv_3x3~0|+|...|} for NAS-Bench-201, the genotype's compact JSON for DARTS), and for
 * a NAS-Bench-201 cell its CIFAR-10 test accuracy from the benchmark's table once it was looked up.
 *
 * @param space the space's id, {@code darts} or {@code nb201}
 * @param architecture the canonical text
 * @param tableTestAccuracy the table's CIFAR-10 test accuracy in percent; absent when not looked up
 */
public record ArchitectureRecord(
        @JsonProperty("space") String space,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("table_test_accuracy") @JsonInclude(JsonInclude.Include.NON_NULL) Double tableTestAccuracy) {
}
