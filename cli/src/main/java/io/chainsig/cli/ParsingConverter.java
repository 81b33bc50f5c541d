package io.chainsig.cli;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option converter over a parser that throws {@link IllegalArgumentException}: the parser's
 * message becomes picocli's usage error (exit 2). Subclasses have a no-argument constructor, as
 * picocli needs.
 *
 * @param <T> the option's type
 */
abstract class ParsingConverter<T> implements ITypeConverter<T> {
  private final Function<String, T> parser;

  ParsingConverter(Function<String, T> parser) {
    this.parser = parser;
  }

  @Override
  public final T convert(String value) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
