<?php
/**
 * The gettext calls and comments of PHP files, read with PHP's own tokenizer
 * (token_get_all), for bin/i18n/make-pot.js.
 *
 * Usage: php bin/i18n/php-calls.php FILE...
 * Prints JSON: { "<file>": [ event, ... ] } in source order, each event
 *   { "kind": "comment", "line": L, "end": L2, "text": "..." } or
 *   { "kind": "call", "name": "__", "line": L, "args": [ "literal" | null, ... ] }.
 * A call is a function name (not a method, not a declaration) followed by
 * "("; an argument is its string value when it is one constant string or
 * constant strings joined with ".", null otherwise.
 *
 * @package CustomerChatForMessenger
 */

/**
 * The value of a constant string token, exactly as PHP reads it. A
 * T_CONSTANT_ENCAPSED_STRING never interpolates, so evaluating it runs no
 * code beyond the literal itself.
 *
 * @param string $literal The token text, with its quotes.
 * @return string
 */
function ccfm_pot_string_value( $literal ) {
	if ( "'" === $literal[0] ) {
		return strtr(
			substr( $literal, 1, -1 ),
			array(
				'\\\\' => '\\',
				"\\'"  => "'",
			)
		);
	}
	return eval( 'return ' . $literal . ';' ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- A constant string token from token_get_all(): no interpolation.
}

/**
 * The comment and call events of one file.
 *
 * @param string $source PHP source.
 * @return list<array<string,mixed>>
 */
function ccfm_pot_events( $source ) {
	$tokens = token_get_all( $source );
	$skip   = array( T_WHITESPACE, T_COMMENT, T_DOC_COMMENT );
	$names  = array( T_STRING, T_NAME_FULLY_QUALIFIED );
	$count  = count( $tokens );
	$events = array();
	// The significant token before index $i (an array token or a one-character string).
	$previous = static function ( $i ) use ( $tokens, $skip ) {
		for ( $j = $i - 1; $j >= 0; $j-- ) {
			if ( ! is_array( $tokens[ $j ] ) || ! in_array( $tokens[ $j ][0], $skip, true ) ) {
				return $tokens[ $j ];
			}
		}
		return null;
	};
	for ( $i = 0; $i < $count; $i++ ) {
		$token = $tokens[ $i ];
		if ( ! is_array( $token ) ) {
			continue;
		}
		if ( T_COMMENT === $token[0] || T_DOC_COMMENT === $token[0] ) {
			$events[] = array(
				'kind' => 'comment',
				'line' => $token[2],
				'end'  => $token[2] + substr_count( $token[1], "\n" ),
				'text' => rtrim( $token[1] ),
			);
			continue;
		}
		if ( ! in_array( $token[0], $names, true ) ) {
			continue;
		}
		$before = $previous( $i );
		if ( is_array( $before ) && in_array( $before[0], array( T_OBJECT_OPERATOR, T_NULLSAFE_OBJECT_OPERATOR, T_DOUBLE_COLON, T_FUNCTION, T_NEW, T_CONST ), true ) ) {
			continue;
		}
		$k = $i + 1;
		while ( $k < $count && is_array( $tokens[ $k ] ) && in_array( $tokens[ $k ][0], $skip, true ) ) {
			++$k;
		}
		if ( $k >= $count || '(' !== $tokens[ $k ] ) {
			continue;
		}
		// The arguments: each a run of tokens up to a "," or ")" at depth 0.
		$args    = array();
		$value   = null;
		$literal = true;
		$depth   = 0;
		for ( ++$k; $k < $count; $k++ ) {
			$part = $tokens[ $k ];
			$text = is_array( $part ) ? $part[1] : $part;
			if ( is_array( $part ) && in_array( $part[0], $skip, true ) ) {
				continue;
			}
			if ( 0 === $depth && ( ',' === $text || ')' === $text ) ) {
				$args[]  = $literal ? $value : null;
				$value   = null;
				$literal = true;
				if ( ')' === $text ) {
					break;
				}
				continue;
			}
			if ( in_array( $text, array( '(', '[', '{' ), true ) || ( is_array( $part ) && in_array( $part[0], array( T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES ), true ) ) ) {
				++$depth;
			} elseif ( in_array( $text, array( ')', ']', '}' ), true ) ) {
				--$depth;
			}
			if ( 0 === $depth && is_array( $part ) && T_CONSTANT_ENCAPSED_STRING === $part[0] ) {
				$value = ( null === $value ? '' : $value ) . ccfm_pot_string_value( $part[1] );
			} elseif ( ! ( 0 === $depth && '.' === $text && null !== $value ) ) {
				$literal = false;
			}
		}
		$events[] = array(
			'kind' => 'call',
			'name' => ltrim( $token[1], '\\' ),
			'line' => $token[2],
			'args' => $args,
		);
	}
	return $events;
}

$ccfm_pot_out = array();
foreach ( array_slice( $argv, 1 ) as $ccfm_pot_file ) {
	$ccfm_pot_source = file_get_contents( $ccfm_pot_file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- A command-line tool.
	if ( false === $ccfm_pot_source ) {
		fwrite( STDERR, "Cannot read {$ccfm_pot_file}\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite
		exit( 1 );
	}
	$ccfm_pot_out[ $ccfm_pot_file ] = ccfm_pot_events( $ccfm_pot_source );
}
echo json_encode( $ccfm_pot_out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode, WordPress.Security.EscapeOutput.OutputNotEscaped
