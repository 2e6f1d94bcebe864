/** What one line of `show crypto ikev2 sa` / `session` output says (read by show-ikev2.ts), as a union on `kind`. */
export type Ikev2ShowLine =
  /**
   * `1         66.66.66.1/500        66.66.66.2/500        none/none            READY`; IPv6 rows give the addresses on the lines after;
   * the ASA's `45926289 172.16.1.2/500 172.16.1.1/500 READY INITIATOR` has no VRFs and names this end's role (`initiator`)
   */
  | { kind: 'row'; tunnelId: number; local: string | null; localPort: number | null; remote: string | null; remotePort: number | null; fvrf: string; ivrf: string; status: string; initiator: boolean | null }
  /** `Local  2001:DB8:1101::131/500` under an IPv6 row */
  | { kind: 'address'; which: 'local' | 'remote'; address: string; port: number }
  /** `Encr: AES-CBC, keysize: 128, PRF: SHA1, Hash: SHA96, DH Grp:16, Auth sign: PSK, Auth verify: PSK`; null where nothing is agreed yet (`Unknown - 0`, `DH Grp:0`) */
  | { kind: 'crypto'; encryption: string | null; keySize: number | null; prf: string | null; hash: string | null; group: number | null; authSign: string | null; authVerify: string | null }
  /** show crypto session's `IKEv2 SA: local 10.1.10.50/4500 remote 52.175.250.191/4500 Active`; with IPv6 ends the remote one and the status wrap to the next line */
  | { kind: 'session-sa'; local: string; localPort: number; remote: string | null; remotePort: number | null; status: string | null }
  /** `remote 2001:101:0:1::2/500 Active`: the rest of a wrapped `IKEv2 SA:` line */
  | { kind: 'session-sa-remote'; remote: string; remotePort: number; status: string }
  /**
   * The rest of an `Encr:` line that a terminal or a document broke: `Auth verify: RSA` after `Auth sign: RSA,`,
   * `DH Grp: 16, Auth sign: PSK, Auth verify: PSK` after `Hash: SHA512,`; null for what it does not hold
   */
  | { kind: 'crypto-rest'; prf: string | null; hash: string | null; group: number | null; authSign: string | null; authVerify: string | null }
  /** `Life/Active Time: 86400/735 sec` */
  | { kind: 'life'; lifetimeSeconds: number; activeSeconds: number }
  /** `Local spi: 1F7B76961C3A77ED Remote spi: 1298FDE074BD724C` */
  | { kind: 'spis'; local: string; remote: string }
  /** `Status Description: Negotiation done` */
  | { kind: 'description'; text: string }
  /** `Initiator of SA : Yes` */
  | { kind: 'initiator'; initiator: boolean }
  /** `Local id: 1.1.1.1`, `Remote id: 22.1.1.2` */
  | { kind: 'id'; which: 'local' | 'remote'; id: string }
  /** `Session-id:3, Status:UP-ACTIVE, IKE count:1, CHILD count:1` */
  | { kind: 'session'; sessionId: number; status: string; ikeCount: number | null; childCount: number | null }
  /** `Child sa: local selector 30.10.10.0/0 - 50.10.10.255/65535`, `remote selector …`; `Child sa:` alone opens a child */
  | { kind: 'child-selector'; opens: boolean; which: 'local' | 'remote' | null; range: string | null }
  /** `ESP spi in/out: 0x232CB82D/0x30767B6E` */
  | { kind: 'child-spis'; protocol: 'ESP' | 'AH'; inbound: string; outbound: string }
  /** `Encr: AES-CBC, keysize: 256, esp_hmac: SHA256` and `ah_hmac: None, comp: IPCOMP_NONE, mode tunnel` inside a child */
  | { kind: 'child-crypto'; encryption: string | null; keySize: number | null; integrity: string | null; mode: string | null }
  /** `NAT-T is detected outside` (the peer is behind the NAT), `… inside` (this router is), `NAT-T is not detected` */
  | { kind: 'nat'; detected: boolean; where: 'inside' | 'outside' | null }
  /** show crypto session detail's `Capabilities:DN connid:3 lifetime:23:07:14` under an `IKEv2 SA:` line: its legend's letters */
  | { kind: 'capabilities'; letters: string; connId: number | null; lifetime: string | null }
  /** show crypto session's `IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 host 7.1.2.40` under an IKEv2 SA: the traffic its SAs protect */
  | { kind: 'session-flow'; local: string; remote: string }
  /** its `Active SAs: 2, origin: crypto map` under the flow: the flow's SAs up (a child SA) or none */
  | { kind: 'session-flow-sas'; active: number };
