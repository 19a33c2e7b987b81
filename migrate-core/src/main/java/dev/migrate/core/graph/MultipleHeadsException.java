package dev.migrate.core.graph;

import java.util.List;

/**
 * {@code head} (or {@code label@head}) was asked for where there are several heads. It carries what an edge needs
 * to word the fix its own way: the targets that would work instead ({@link #getAlternatives()}: {@code heads} and
 * a branch label's {@code label@head}, or {@code label@heads}, where a revision id works too), and the fix as the
 * command line words it ({@link #getFix()}), which ends the default message.
 */
public class MultipleHeadsException extends TargetException {

	private static final long serialVersionUID = 1L;

	private final List<String> heads;

	private final List<String> alternatives;

	private final String fix;

	/**
	 * @param argument the target as written
	 * @param heads the heads it matches
	 * @param message the user-facing message
	 */
	public MultipleHeadsException(String argument, List<String> heads, String message) {
		super(argument, message);
		this.heads = List.copyOf(heads);
		this.alternatives = List.of();
		this.fix = "";
	}

	/**
	 * @param argument the target as written
	 * @param heads the heads it matches
	 * @param problem what is wrong, without the fix
	 * @param alternatives the targets that would work instead, such as {@code heads} or {@code label@head}
	 */
	public MultipleHeadsException(String argument, List<String> heads, String problem, List<String> alternatives) {
		this(argument, heads, problem, alternatives, commandLineFix(alternatives));
	}

	private MultipleHeadsException(String argument, List<String> heads, String problem, List<String> alternatives,
			String fix) {
		super(argument, problem + "; " + fix);
		this.heads = List.copyOf(heads);
		this.alternatives = List.copyOf(alternatives);
		this.fix = fix;
	}

	private static String commandLineFix(List<String> alternatives) {
		List<String> quoted = alternatives.stream().map((target) -> "'" + target + "'").toList();
		// A qualified target ('label@heads') has one alternative; a revision id is the other one to name.
		return "use " + String.join(", ", quoted) + ((alternatives.size() == 1) ? ", a revision id" : "")
				+ ", or 'migrate merge heads'";
	}

	/**
	 * @return the heads the target matches, sorted
	 */
	public List<String> getHeads() {
		return this.heads;
	}

	/**
	 * @return the targets that would work instead, in the order a message lists them (a revision id works too);
	 * empty when the exception was built from a message alone
	 */
	public List<String> getAlternatives() {
		return this.alternatives;
	}

	/**
	 * @return the fix as the command line words it, at the end of {@link #getMessage()}; empty when the exception
	 * was built from a message alone
	 */
	public String getFix() {
		return this.fix;
	}

}
