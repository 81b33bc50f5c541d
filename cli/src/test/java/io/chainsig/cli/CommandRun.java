package io.chainsig.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of running the chainsig command line in-process: exit code, stdout, stderr. */
record CommandRun(int exitCode, String out, String err) {
  static CommandRun of(String... args) {
    CommandLine cl = ChainsigCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }
}
