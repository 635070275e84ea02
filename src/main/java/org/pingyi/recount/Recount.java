package org.pingyi.recount;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar pingyi.jar recount <归档包.zip | ballots.json>}: counts an event again from its archive bundle
 * alone, with the server's own counting rules but without its database, and prints the summary figures. For a
 * third party (an inspector, a supervisor) to check the summary tables (README, 独立重新计票).
 */
public final class Recount {

  private Recount() {
  }

  /** Runs the command; returns the process's exit code (0 counted, 1 refused, 2 misused). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || !Files.isRegularFile(Path.of(args[1]))) {
      err.println("用法：java -jar pingyi.jar recount <归档包.zip 或 ballots.json>");
      return 2;
    }
    try {
      RecountInput input = RecountInput.read(Path.of(args[1]));
      RecountPrinter.print(Recounting.of(input.ballots()), input.checks(), out);
      out.flush();
      return 0;
    } catch (RecountInput.Refused refused) {
      err.println("拒绝重新计票：" + refused.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("无法读取 " + args[1] + "：" + e);
      return 1;
    }
  }
}
