package io.daytrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Command;

/** Every command's help lists each option once (picocli 4.7.6 listed options from a mixin's group twice). */
class HelpTextTest {

    /** An option's own line, not the synopsis (whose continuation lines are indented past the command name). */
    private static final Pattern OPTION_LINE = Pattern.compile("^ {2,8}(?:-\\w, )?(--[\\w-]+)");

    @Test
    void everyCommandsHelpListsEachOptionOnce() {
        List<String> commands = new ArrayList<>();
        for (Class<?> command : DayTrade.class.getAnnotation(Command.class).subcommands()) {
            Command annotation = command.getAnnotation(Command.class);
            if (annotation != null && !annotation.name().startsWith("<")) {
                commands.add(annotation.name());
            }
        }
        assertThat(commands).contains("sweep", "backtest", "walk-forward", "live");
        for (String command : commands) {
            StringWriter out = new StringWriter();
            int code = DayTrade.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "help", command);
            assertThat(code).as(command).isZero();
            List<String> options = new ArrayList<>();
            for (String line : out.toString().split("\n")) {
                Matcher option = OPTION_LINE.matcher(line);
                if (option.find()) {
                    options.add(option.group(1));
                }
            }
            assertThat(options).as("options in the help of %s", command).doesNotHaveDuplicates();
        }
    }
}
