import dgram from 'node:dgram';

// A tiny authoritative DNS server for tests: answers TXT queries from a map, NXDOMAIN for
// everything else. The app reaches it through DNS_SERVERS, with the real node:dns resolver.

export interface DnsStub {
  txt: Map<string, string[]>;
  /** The UDP port it answers on (useful when started on port 0). */
  port: number;
  close(): Promise<void>;
}

function readName(message: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let position = offset;
  while (message[position] !== 0) {
    const length = message[position];
    labels.push(message.subarray(position + 1, position + 1 + length).toString('latin1'));
    position += length + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: position + 1 };
}

function answer(query: Buffer, txt: Map<string, string[]>): Buffer {
  const { name, end } = readName(query, 12);
  const type = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const values = type === 16 ? txt.get(name) : undefined;
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  header.writeUInt16BE(values ? 0x8180 : 0x8183, 2); // response, recursion available; NXDOMAIN when unknown
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(values ? values.length : 0, 6);
  const records = (values ?? []).map((value) => {
    const text = Buffer.from(value, 'utf8');
    const rdata = Buffer.concat([Buffer.from([text.length]), text]);
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0); // pointer to the question's name
    fixed.writeUInt16BE(16, 2); // TXT
    fixed.writeUInt16BE(1, 4); // IN
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([fixed, rdata]);
  });
  return Buffer.concat([header, question, ...records]);
}

export function startDnsStub(port: number): Promise<DnsStub> {
  const txt = new Map<string, string[]>();
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, remote) => {
    try {
      socket.send(answer(message, txt), remote.port, remote.address);
    } catch {
      // a malformed packet gets no answer, as from a real server
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve({ txt, port: socket.address().port, close: () => new Promise((done) => socket.close(() => done())) }));
  });
}
