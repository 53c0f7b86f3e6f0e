/**
 * "Where it shows": the display rules of the ccfm_settings schema.
 */
import {
	CheckboxControl,
	PanelBody,
	RadioControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { Settings } from '../shared/settings-schema.generated';

type Place = Settings[ 'display_places' ][ number ];

interface Props {
	settings: Settings;
	set: < K extends keyof Settings >( name: K, value: Settings[ K ] ) => void;
	error: ( name: keyof Settings ) => string | null | undefined;
}

/**
 * Parses "12, 40 7" into [12, 40, 7]; returns null when a part is not a post ID.
 * @param text
 */
export function parseIds( text: string ): number[] | null {
	const parts = text.split( /[\s,]+/ ).filter( Boolean );
	if ( parts.some( ( p ) => ! /^[1-9][0-9]{0,18}$/.test( p ) ) ) {
		return null;
	}
	return Array.from( new Set( parts.map( Number ) ) );
}

export function DisplayRulesPanel( { settings, set, error }: Props ) {
	const [ idsText, setIdsText ] = useState(
		settings.exclude_ids.join( ', ' )
	);
	const [ idsError, setIdsError ] = useState( false );
	const places: [ Place, string ][] = [
		[ 'front_page', __( 'Front page', 'customer-chat-for-messenger' ) ],
		[ 'posts', __( 'Posts', 'customer-chat-for-messenger' ) ],
		[ 'pages', __( 'Pages', 'customer-chat-for-messenger' ) ],
		[
			'other_types',
			__( 'Other public post types', 'customer-chat-for-messenger' ),
		],
		[
			'archives',
			__( 'Archives and the blog index', 'customer-chat-for-messenger' ),
		],
		[ 'search', __( 'Search results', 'customer-chat-for-messenger' ) ],
		[ '404', __( 'Page not found (404)', 'customer-chat-for-messenger' ) ],
	];
	const idsMessage = idsError
		? __(
				'Enter post IDs (whole numbers) separated by commas.',
				'customer-chat-for-messenger'
		  )
		: error( 'exclude_ids' );
	return (
		<PanelBody
			title={ __( 'Where it shows', 'customer-chat-for-messenger' ) }
			initialOpen={ false }
		>
			<RadioControl
				label={ __( 'Show the chat', 'customer-chat-for-messenger' ) }
				selected={ settings.display_on }
				onChange={ ( v ) =>
					set( 'display_on', v as Settings[ 'display_on' ] )
				}
				options={ [
					{
						value: 'everywhere',
						label: __(
							'Everywhere',
							'customer-chat-for-messenger'
						),
					},
					{
						value: 'placed',
						label: __(
							'Only on content with the Messenger Chat block or [messenger_chat] shortcode',
							'customer-chat-for-messenger'
						),
					},
					{
						value: 'chosen',
						label: __(
							'On the places chosen below',
							'customer-chat-for-messenger'
						),
					},
				] }
			/>
			{ settings.display_on === 'chosen' && (
				<fieldset className="ccfm-places">
					<legend>
						{ __(
							'Show it on these places',
							'customer-chat-for-messenger'
						) }
					</legend>
					{ places.map( ( [ value, label ] ) => (
						<CheckboxControl
							__nextHasNoMarginBottom
							key={ value }
							label={ label }
							checked={ settings.display_places.includes(
								value
							) }
							onChange={ ( on: boolean ) =>
								set(
									'display_places',
									on
										? [ ...settings.display_places, value ]
										: settings.display_places.filter(
												( p ) => p !== value
										  )
								)
							}
						/>
					) ) }
				</fieldset>
			) }
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				id="ccfm-exclude_ids"
				label={ __(
					'Never show on these posts (IDs)',
					'customer-chat-for-messenger'
				) }
				help={ __(
					'Post, page or product IDs, separated by commas. Each post also has a show / hide switch in the editor.',
					'customer-chat-for-messenger'
				) }
				value={ idsText }
				onChange={ ( v: string ) => {
					setIdsText( v );
					const ids = parseIds( v );
					setIdsError( ids === null );
					if ( ids !== null ) {
						set( 'exclude_ids', ids );
					}
				} }
			/>
			{ idsMessage && (
				<p
					id="ccfm-exclude_ids-error"
					className="ccfm-field-error"
					role="alert"
				>
					{ idsMessage }
				</p>
			) }
			<RadioControl
				label={ __( 'Devices', 'customer-chat-for-messenger' ) }
				help={ __(
					'Decided in the browser by screen width (768 px), so page caches keep working.',
					'customer-chat-for-messenger'
				) }
				selected={ settings.devices }
				onChange={ ( v ) =>
					set( 'devices', v as Settings[ 'devices' ] )
				}
				options={ [
					{
						value: 'all',
						label: __(
							'All devices',
							'customer-chat-for-messenger'
						),
					},
					{
						value: 'desktop',
						label: __(
							'Desktop only',
							'customer-chat-for-messenger'
						),
					},
					{
						value: 'mobile',
						label: __(
							'Mobile only',
							'customer-chat-for-messenger'
						),
					},
				] }
			/>
		</PanelBody>
	);
}
