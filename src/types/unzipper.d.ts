// The part of unzipper's API the export upload uses (the package ships no types).
declare module 'unzipper' {
  interface CentralDirectoryFile {
    path: string
    type: 'File' | 'Directory'
    uncompressedSize: number
    buffer(): Promise<Buffer>
  }
  interface CentralDirectory {
    files: CentralDirectoryFile[]
  }
  const unzipper: { Open: { buffer(data: Buffer): Promise<CentralDirectory> } }
  export default unzipper
}
