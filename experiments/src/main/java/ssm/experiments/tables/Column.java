package ssm.experiments.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One column of a table in both of its forms: the markdown header and cell (rounded for reading)
 * and the CSV header and cell (full precision, one figure per cell). A null header leaves the
 * column out of that form, so one list of columns yields both tables in step.
 *
 * @param <R> the row
 */
record Column<R>(
    String markdown, Function<R, String> markdownCell, String csv, Function<R, String> csvCell) {

  /** A column in both forms with a cell of each. */
  static <R> Column<R> of(
      String markdown, Function<R, String> markdownCell, String csv, Function<R, String> csvCell) {
    return new Column<>(markdown, markdownCell, csv, csvCell);
  }

  /** A column in both forms with the same cell. */
  static <R> Column<R> same(String markdown, String csv, Function<R, String> cell) {
    return new Column<>(markdown, cell, csv, cell);
  }

  static <R> Column<R> markdownOnly(String markdown, Function<R, String> cell) {
    return new Column<>(markdown, cell, null, null);
  }

  static <R> Column<R> csvOnly(String csv, Function<R, String> cell) {
    return new Column<>(null, null, csv, cell);
  }

  /** The markdown headers of {@code columns}, in order. */
  static <R> List<String> markdownHeader(List<Column<R>> columns) {
    List<String> h = new ArrayList<>();
    columns.stream().filter(c -> c.markdown() != null).forEach(c -> h.add(c.markdown()));
    return h;
  }

  /** The CSV headers of {@code columns}, in order. */
  static <R> List<String> csvHeader(List<Column<R>> columns) {
    List<String> h = new ArrayList<>();
    columns.stream().filter(c -> c.csv() != null).forEach(c -> h.add(c.csv()));
    return h;
  }

  /** The markdown cells of each row. */
  static <R> List<List<String>> markdownRows(List<Column<R>> columns, List<R> rows) {
    List<List<String>> out = new ArrayList<>();
    for (R r : rows) {
      List<String> cells = new ArrayList<>();
      columns.stream()
          .filter(c -> c.markdown() != null)
          .forEach(c -> cells.add(c.markdownCell().apply(r)));
      out.add(cells);
    }
    return out;
  }

  /** The CSV cells of each row. */
  static <R> List<List<String>> csvRows(List<Column<R>> columns, List<R> rows) {
    List<List<String>> out = new ArrayList<>();
    for (R r : rows) {
      List<String> cells = new ArrayList<>();
      columns.stream().filter(c -> c.csv() != null).forEach(c -> cells.add(c.csvCell().apply(r)));
      out.add(cells);
    }
    return out;
  }
}
