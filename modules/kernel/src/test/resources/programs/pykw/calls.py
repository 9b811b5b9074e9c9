import ssi

def memory():
    block = ssi.alloc(bytes=8192)
    ssi.touch(block=block, offset=0, length=4096)
    ssi.free(block=block)
    return 'ok'

def shared():
    id = ssi.shmget(key=7, bytes=4096)
    ssi.shmat(id=id)
    ssi.shmwrite(id=id, offset=3, text='abc')
    text = ssi.shmread(id=id, offset=3, length=3)
    ssi.shmdt(id=id)
    return text

def pipes():
    r, w = ssi.pipe()
    ssi.write(fd=w, text='xyz')
    ssi.close(fd=w)
    return ssi.read(fd=r, max=2) + ssi.read(fd=r)
