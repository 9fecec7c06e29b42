# bash completion for releasedeck-cli. The commands and flags come from the program's own
# --help, so completion always matches the installed version.

_releasedeck_cli()
{
    local cli=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    case $prev in
    --secrets)
        mapfile -t COMPREPLY < <(compgen -W 'keychain credentials-dir' -- "$cur")
        return
        ;;
    --database | --workspace)
        return
        ;;
    esac

    # The command words typed so far, global options and their values skipped.
    local -a typed=()
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --database | --workspace | --secrets) ((i++)) ;;
        -*) ;;
        *) typed+=("${COMP_WORDS[i]}") ;;
        esac
    done

    # Each command's words: the lower-case words that lead its line in --help.
    local commands
    commands=$("$cli" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\( [a-z][a-z-]*\)*\).*/\1/p')

    # The longest command the typed words begin with, or else the words that may come next.
    local typed_line=" " next= command= line word
    for word in "${typed[@]}"; do typed_line+="$word "; done
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        if [[ $typed_line == " $line "* ]]; then
            [ ${#line} -gt ${#command} ] && command=$line
        elif [[ " $line " == "$typed_line"* ]]; then
            word=${line#"${typed[*]}"}
            word=${word# }
            next+=" ${word%% *}"
        fi
    done <<<"$commands"
    next=$(printf '%s\n' $next | sort -u)

    local flags='--database --workspace --secrets --help --version'
    if [ -n "$command" ]; then
        flags=$("$cli" $command --help 2>/dev/null | sed -n 's/^  \(--[a-z][a-z0-9-]*\).*/\1/p')
        flags+=' --help'
    fi
    if [[ $cur == -* || -z $next ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$flags" -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -W "$next" -- "$cur")
    fi
}
complete -o default -F _releasedeck_cli releasedeck-cli
