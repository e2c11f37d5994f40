package dev.jnas.api.space;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One chosen edge of a genotype: an operation applied to an earlier state of the cell (0 and 1 are
 * the cell inputs, 2... the intermediate nodes). Written as {@code ["sep_conv_3x3", 0]}.
 *
 * @param op the operation id
 * @param input the index of the input state
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"op", "input"})
public record GenotypeEdge(String op, int input) {
}
